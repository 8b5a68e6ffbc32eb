/** Path templates: every spelling of a parameter is one thing, so routes and operations join on them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseTemplate } from '../../../server/src/service';

const same: [string, string][] = [
  ['/users/:id', '/users/{}'],
  ['/users/:id?', '/users/{}'],
  ['/users/<int:id>', '/users/{}'],
  ['/users/<id>', '/users/{}'],
  ['/users/{id}', '/users/{}'],
  ['/users/{id:int}', '/users/{}'],
  ['/users/{id:\\d+}', '/users/{}'],
  ['/users/{*rest}', '/users/{}'],
  ['/users/[id]', '/users/{}'],
  ['users/{id}/', '/users/{}'],
  ['^users/(?P<pk>[0-9]+)/$', '/users/{}'],
  ['/files/{$}', '/files'],
  ['//api//Orders', '/api/orders'],
  ['/', '/'],
  ['', '/'],
  ['/v1/users/:userId/posts/:postId', '/v1/users/{}/posts/{}'],
  ['/time:now', '/time:now'],
];

for (const [path, template] of same) {
  test(`${JSON.stringify(path)} -> ${template}`, () => assert.equal(normaliseTemplate(path), template));
}
