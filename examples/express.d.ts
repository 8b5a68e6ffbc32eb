// Just enough of Express's types for the example handlers to type-check in an editor without installing
// express (the example is read, linted and hovered, never run).
declare module 'express' {
  interface Request {
    params: Record<string, string>;
    body: { changes: { id: string }[] } & Record<string, unknown>;
    user: { id: string };
  }
  interface Response {
    status(code: number): Response;
    sendStatus(code: number): Response;
    json(body: unknown): Response;
    send(body?: unknown): Response;
  }
  type Handler = (req: Request, res: Response) => unknown;
  interface Application {
    use(middleware: unknown): void;
    get(path: string, handler: Handler): void;
    put(path: string, handler: Handler): void;
    post(path: string, handler: Handler): void;
    delete(path: string, handler: Handler): void;
  }
  interface Express {
    (): Application;
    json(): unknown;
  }
  const express: Express;
  export default express;
}
