import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from "@smithy/types";

/** Anything with a WHATWG `fetch` signature: a Hono app's `app.fetch`, a Worker's `fetch`, … */
export type FetchFunction = (request: Request) => Response | Promise<Response>;

/**
 * Creates an SDK `requestHandler` that sends every request the `KMSClient` makes into `fetch` in this process, with
 * no sockets: real SDK serialisation and signing, a real emulator, nothing mocked.
 *
 * @example
 * ```ts
 * const app = createEmulatorApp({ store: createMemoryStore(), clock, ids });
 * const client = new KMSClient({ region: "us-east-2", endpoint: "http://kms.local", credentials,
 *   requestHandler: createInProcessHandler(app.fetch) });
 * ```
 */
export function createInProcessHandler(
  fetch: FetchFunction,
): RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  return {
    async handle(request: HttpRequest) {
      const query = formatQuery(request.query);
      const port = request.port ? `:${request.port}` : "";
      const url = `${request.protocol}//${request.hostname}${port}${request.path}${query}`;
      const init: RequestInit = { method: request.method, headers: request.headers };
      if (
        request.body !== undefined &&
        request.body !== null &&
        request.method !== "GET" &&
        request.method !== "HEAD"
      ) {
        init.body = request.body as BodyInit;
      }
      const response = await fetch(new Request(url, init));
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const body = new Blob([await response.arrayBuffer()]);
      const httpResponse: HttpResponse = { statusCode: response.status, reason: response.statusText, headers, body };
      return { response: httpResponse };
    },
  };
}

function formatQuery(query: HttpRequest["query"]): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values)
      parts.push(v === null ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(v)}`);
  }
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}
