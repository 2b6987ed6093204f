import { describe, expect, it } from 'vitest';
import type { Core } from '../core/core';
import { newId } from '../shared/ids';
import { useTempCores } from '../testing/temp-core';
import { OutboxQueue } from './outbox-queue';

const cores = useTempCores({ sync: { intervalMs: 0 } });

/** A queue over an outbox holding exactly the rows a test puts in it. */
async function emptyQueue(): Promise<{ core: Core; queue: OutboxQueue }> {
  const { core } = await cores.setup();
  core.ctx.sql.run(core.ctx.qb.deleteFrom('outbox'));
  return { core, queue: new OutboxQueue(core.ctx.sql, core.ctx.qb, core.ctx.clock, core.ctx.audit) };
}

function put(core: Core, payload: unknown = { n: 1 }, topic = 'test.topic.v1'): string {
  const id = newId();
  core.ctx.sql.run(
    core.ctx.qb.insertInto('outbox').values({
      id,
      topic,
      entity_id: `entity-${id.slice(-4)}`,
      payload: JSON.stringify(payload),
      created_at: '2026-11-23T10:00:00-05:00',
      last_error: null,
      acked_at: null,
    }),
  );
  return id;
}

function row(core: Core, id: string) {
  return core.ctx.sql.first(core.ctx.qb.selectFrom('outbox').selectAll().where('id', '=', id));
}

describe('OutboxQueue', () => {
  it('reads pending rows in seq order, as wire records with their UUID and seq', async () => {
    const { core, queue } = await emptyQueue();
    const ids = [put(core, { a: 1 }), put(core, { a: 2 }), put(core, { a: 3 })];
    const batch = queue.nextBatch();
    expect(batch.map((r) => r.id)).toEqual(ids);
    expect(batch.map((r) => r.seq)).toEqual([...batch.map((r) => r.seq)].sort((x, y) => x - y));
    expect(batch[0]).toMatchObject({
      topic: 'test.topic.v1',
      payload: { a: 1 },
      createdAt: '2026-11-23T10:00:00-05:00',
      entityId: expect.stringMatching(/^entity-/) as unknown,
    });
  });

  it('keeps a batch within the record limit', async () => {
    const { core, queue } = await emptyQueue();
    const ids = Array.from({ length: 7 }, (_, i) => put(core, { i }));
    expect(queue.nextBatch({ maxRecords: 3, maxBytes: 2_000_000 }).map((r) => r.id)).toEqual(ids.slice(0, 3));
  });

  it('keeps a batch within the byte limit, and dead-letters a row too large for any batch', async () => {
    const { core, queue } = await emptyQueue();
    const text = 'x'.repeat(1_000);
    const small = [put(core, { text }), put(core, { text }), put(core, { text })];
    const batch = queue.nextBatch({ maxRecords: 500, maxBytes: 2_900 });
    expect(batch.map((r) => r.id)).toEqual(small.slice(0, 2));
    expect(
      Buffer.byteLength(JSON.stringify({ batchId: newId(), terminalId: newId(), records: batch })),
    ).toBeLessThan(2_900);

    core.ctx.sql.run(core.ctx.qb.deleteFrom('outbox'));
    const huge = put(core, { text: 'y'.repeat(5_000) });
    const after = put(core, { text: 'z' });
    expect(queue.nextBatch({ maxRecords: 500, maxBytes: 2_900 }).map((r) => r.id)).toEqual([after]);
    expect(row(core, huge)).toMatchObject({ status: 'dead', attempts: 1 });
    expect(queue.deadLetters()[0]?.reason).toMatch(/no cabe en un envío/);
  });

  it("applies HQ's acks in one go: applied and duplicate are sent, rejected is dead with the reason", async () => {
    const { core, queue } = await emptyQueue();
    const [a, b, c, d] = [put(core), put(core), put(core), put(core)];
    const batch = queue.nextBatch();
    const outcome = queue.applyAcks(batch, [
      { id: a as string, status: 'applied' },
      { id: b as string, status: 'duplicate' },
      { id: c as string, status: 'rejected', reason: 'Tópico desconocido: test.topic.v1' },
      { id: 'not-in-the-batch', status: 'applied' },
    ]);
    expect(outcome).toEqual({ sent: 2, dead: 1, unanswered: 1 });
    expect(row(core, a as string)).toMatchObject({ status: 'sent', acked_at: expect.any(String) as unknown });
    expect(row(core, b as string)).toMatchObject({ status: 'sent' });
    expect(row(core, c as string)).toMatchObject({
      status: 'dead',
      last_error: 'Tópico desconocido: test.topic.v1',
    });
    expect(row(core, d as string)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(queue.counts()).toEqual({ pending: 1, dead: 1 });
  });

  it('a dead letter never blocks the rows after it', async () => {
    const { core, queue } = await emptyQueue();
    const poison = put(core);
    const rest = [put(core), put(core)];
    queue.applyAcks(queue.nextBatch({ maxRecords: 1, maxBytes: 2_000_000 }), [
      { id: poison, status: 'rejected', reason: 'no válido' },
    ]);
    expect(queue.nextBatch().map((r) => r.id)).toEqual(rest);
  });

  it('counts failed attempts and keeps the rows pending', async () => {
    const { core, queue } = await emptyQueue();
    const ids = [put(core), put(core)];
    queue.recordFailure(ids, 'Sin conexión con la central (error de red).');
    queue.recordFailure(ids, 'Sin conexión con la central (error de red).');
    expect(row(core, ids[0] as string)).toMatchObject({
      status: 'pending',
      attempts: 2,
      last_error: 'Sin conexión con la central (error de red).',
    });
    expect(queue.nextBatch().map((r) => r.id)).toEqual(ids);
  });

  it('lists dead letters and requeues one, audited, at its place in seq order', async () => {
    const { core, queue } = await emptyQueue();
    const first = put(core);
    const second = put(core);
    queue.applyAcks(queue.nextBatch(), [
      { id: first, status: 'rejected', reason: 'Producto desconocido' },
      { id: second, status: 'applied' },
    ]);
    const later = put(core);
    expect(queue.deadLetters()).toEqual([
      expect.objectContaining({ id: first, topic: 'test.topic.v1', reason: 'Producto desconocido' }),
    ]);

    queue.requeue(first, 'user-1');
    expect(queue.deadLetters()).toEqual([]);
    expect(row(core, first)).toMatchObject({ status: 'pending', attempts: 0, last_error: null });
    const audit = core.ctx.sql.first(
      core.ctx.qb.selectFrom('audit_log').selectAll().where('action', '=', 'sync.dead_letter_requeued'),
    );
    expect(audit).toMatchObject({ entity_id: first, user_id: 'user-1' });
    expect(JSON.parse(audit?.data ?? '{}')).toMatchObject({
      topic: 'test.topic.v1',
      reason: 'Producto desconocido',
    });
    // The requeued row goes first again (its seq is the oldest), then the others.
    expect(
      queue
        .nextBatch()
        .map((r) => r.id)
        .slice(0, 2),
    ).toEqual([first, later]);
  });

  it('refuses to requeue a row that is not a dead letter', async () => {
    const { core, queue } = await emptyQueue();
    const pending = put(core);
    expect(() => queue.requeue(pending, 'user-1')).toThrow(/ya no está en la lista de rechazados/);
    expect(() => queue.requeue('nope', 'user-1')).toThrow(
      expect.objectContaining({ code: 'DEAD_LETTER_NOT_FOUND' }),
    );
  });
});
