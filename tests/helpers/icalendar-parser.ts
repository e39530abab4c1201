/**
 * A small strict reader of iCalendar (RFC 5545) for tests: every line must end in CRLF,
 * no line may exceed 75 octets, continuation lines start with one space and never split a
 * UTF-8 character, components must nest and close, and TEXT values are unescaped.
 */
export type ParsedComponent = { name: string; properties: ParsedProperty[]; components: ParsedComponent[] };
export type ParsedProperty = { name: string; params: Record<string, string>; value: string };

export function parseICalendar(source: string): ParsedComponent {
  if (!source.endsWith("\r\n")) throw new Error("the object must end with CRLF");
  const physical = source.slice(0, -2).split("\r\n");
  for (const line of physical) {
    if (/[\r\n]/.test(line)) throw new Error(`bare CR or LF in ${JSON.stringify(line)}`);
    const octets = Buffer.byteLength(line, "utf8");
    if (octets > 75) throw new Error(`line of ${octets} octets: ${line}`);
    if (line.includes("\uFFFD")) throw new Error("a character was split");
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(" ")) {
      if (logical.length === 0) throw new Error("continuation before any line");
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const stack: ParsedComponent[] = [];
  let root: ParsedComponent | null = null;
  for (const line of logical) {
    const property = parseLine(line);
    if (property.name === "BEGIN") {
      const component = { name: property.value, properties: [], components: [] };
      if (stack.length) stack[stack.length - 1]!.components.push(component);
      else if (root) throw new Error("a second top-level component");
      else root = component;
      stack.push(component);
    } else if (property.name === "END") {
      const open = stack.pop();
      if (!open || open.name !== property.value) throw new Error(`END:${property.value} does not close ${open?.name}`);
    } else {
      if (!stack.length) throw new Error(`property outside a component: ${line}`);
      stack[stack.length - 1]!.properties.push(property);
    }
  }
  if (stack.length || !root) throw new Error("unclosed component");
  return root;
}

function parseLine(line: string): ParsedProperty {
  const colon = findUnquoted(line, ":");
  if (colon < 0) throw new Error(`no value in ${line}`);
  const [name, ...params] = splitUnquoted(line.slice(0, colon), ";");
  if (!name || !/^[A-Z0-9-]+$/.test(name)) throw new Error(`bad property name in ${line}`);
  const parsed: Record<string, string> = {};
  for (const param of params) {
    const eq = param.indexOf("=");
    if (eq < 1) throw new Error(`bad parameter ${param}`);
    parsed[param.slice(0, eq)] = param.slice(eq + 1).replace(/^"(.*)"$/, "$1");
  }
  return { name, params: parsed, value: line.slice(colon + 1) };
}

function findUnquoted(text: string, char: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text[i] === char) return i;
  }
  return -1;
}

function splitUnquoted(text: string, char: string): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let at = findUnquoted(rest, char); at >= 0; at = findUnquoted(rest, char)) {
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  return parts;
}

/** A TEXT value unescaped; refuses an unescaped comma or semicolon and unknown escapes. */
export function textValue(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === "\\") {
      const next = raw[++i];
      if (next === "n" || next === "N") out += "\n";
      else if (next === "\\" || next === ";" || next === ",") out += next;
      else throw new Error(`unknown escape \\${next}`);
    } else if (c === "," || c === ";") throw new Error(`unescaped ${c} in ${raw}`);
    else out += c;
  }
  return out;
}

export const prop = (component: ParsedComponent, name: string) => component.properties.find((p) => p.name === name);
