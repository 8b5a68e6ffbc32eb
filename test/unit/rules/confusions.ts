/** Shared spec and handler templates for the confusion rules' tables. */
export const spec = (description: string, key = `'[[424]]'`, method = 'put', path = '/orders/{id}') => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  ${path}:
    ${method}:
      responses:
        '200':
          description: ok
        ${key}:
          description: ${description}
`;

export const handler = (message: string, status = '[[424]]') =>
  `app.put('/orders/:id', async (req, res) => {\n  return res.status(${status}).json({ error: '${message}' });\n});`;
