import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import {
  answerConflict,
  answerInvalid,
  answerInvalidAt,
  answerNoContent,
  answerNotFound,
  problemResponses,
} from './api-answers.js';
import { PROBLEM_CONTENT_TYPE, problemSchema } from './problem.js';

async function answer(send: (reply: FastifyReply, request: FastifyRequest) => FastifyReply) {
  const app = Fastify({ genReqId: () => 'req-1' });
  app.get('/', async (request, reply) => send(reply, request));
  const response = await app.inject({ method: 'GET', url: '/' });
  await app.close();
  return response;
}

describe('answers of the JSON API', () => {
  test('problemResponses declares each status given with the problem schema, and no other', () => {
    const responses = problemResponses(404, 409, 422);
    assert.deepEqual(Object.keys(responses), ['404', '409', '422']);
    assert.equal(responses[404], problemSchema);
    assert.equal(responses[422], problemSchema);
    assert.deepEqual(problemResponses(), {});
  });

  test('not found is a 404 problem with the detail and the request id', async () => {
    const response = await answer((reply, request) => answerNotFound(reply, request, 'No such child.'));
    assert.equal(response.statusCode, 404);
    assert.equal(response.headers['content-type'], PROBLEM_CONTENT_TYPE);
    assert.deepEqual(response.json(), {
      type: 'about:blank',
      title: 'Not found',
      status: 404,
      detail: 'No such child.',
      requestId: 'req-1',
    });
  });

  test('a conflict is a 409 problem carrying what is current', async () => {
    const response = await answer((reply, request) =>
      answerConflict(reply, request, 'Someone else saved.', { currentVersion: 3 }),
    );
    assert.equal(response.statusCode, 409);
    assert.equal(response.headers['content-type'], PROBLEM_CONTENT_TYPE);
    assert.deepEqual(response.json(), {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'Someone else saved.',
      requestId: 'req-1',
      currentVersion: 3,
    });
    const plain = await answer((reply, request) => answerConflict(reply, request, 'Locked.'));
    assert.deepEqual(Object.keys(plain.json()), ['type', 'title', 'status', 'detail', 'requestId']);
  });

  test('invalid fields are a 422 naming each field by pointer, the messages joined as the detail', async () => {
    const response = await answer((reply, request) =>
      answerInvalid(reply, request, [
        { field: 'danger', message: 'Say what the danger is' },
        { field: 'worriedPersonId', message: 'Say who is worried' },
      ]),
    );
    assert.equal(response.statusCode, 422);
    assert.equal(response.headers['content-type'], PROBLEM_CONTENT_TYPE);
    assert.deepEqual(response.json(), {
      type: 'about:blank',
      title: 'Invalid input',
      status: 422,
      detail: 'Say what the danger is. Say who is worried',
      requestId: 'req-1',
      errors: [
        { pointer: '/danger', detail: 'Say what the danger is' },
        { pointer: '/worriedPersonId', detail: 'Say who is worried' },
      ],
    });
  });

  test('one invalid part is a 422 with its pointer', async () => {
    const response = await answer((reply, request) => answerInvalidAt(reply, request, '/reason', 'Give a reason'));
    assert.equal(response.statusCode, 422);
    assert.deepEqual(response.json(), {
      type: 'about:blank',
      title: 'Invalid input',
      status: 422,
      detail: 'Give a reason',
      requestId: 'req-1',
      errors: [{ pointer: '/reason', detail: 'Give a reason' }],
    });
  });

  test('no content is a 204 with an empty body', async () => {
    const response = await answer((reply) => answerNoContent(reply));
    assert.equal(response.statusCode, 204);
    assert.equal(response.body, '');
  });
});
