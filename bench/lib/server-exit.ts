import type { BenchServer } from "./processes";

/**
 * `work`, or a rejection as soon as one of `servers` exits before it is done: requests to a
 * dead server are never answered, and the run would otherwise wait forever.
 */
export function failIfAServerExits<T>(servers: BenchServer[], work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const listeners = servers.map((server) => {
      const onExit = (code: number | null, signal: string | null) =>
        reject(new Error(`the ${server.kind} server on port ${server.port} exited (${signal ?? code}) during the run`));
      server.child.once("exit", onExit);
      return () => server.child.off("exit", onExit);
    });
    const done = () => listeners.forEach((remove) => remove());
    work.then(
      (value) => (done(), resolve(value)),
      (error: unknown) => (done(), reject(error)),
    );
  });
}
