import type { AppLoadContext, RequestHandler } from "@remix-run/node";
// The adapter's own handler writes bodies without backpressure (see send-response.ts); only its request builder is reused.
import { createRemixRequest } from "@remix-run/express/dist/server.js";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { sendResponse } from "./send-response";

type HandlerOptions = {
  /** Remix's own handler (`createRequestHandler` of @remix-run/node). */
  render: RequestHandler;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
};

/** Express → Remix, with a response body that is sent at the client's pace. */
export function remixHandler({ render, getLoadContext }: HandlerOptions) {
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const response = await render(createRemixRequest(req, res), getLoadContext(req, res));
      await sendResponse(res, response);
    } catch (error) {
      // Express 4 does not await handlers: an error must be handed on explicitly.
      next(error);
    }
  };
}
