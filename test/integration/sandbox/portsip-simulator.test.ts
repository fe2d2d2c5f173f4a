import { describe, expect, it } from 'vitest';
import {
  callPortsip,
  usePortsipSimulators,
  createPortsipUser,
  errorOf,
  validPortsipUser,
} from '../../helpers/portsip-simulator-client';

const simulator = usePortsipSimulators();

describe('PortSIP simulator: authentication', () => {
  it('answers 401 with the error body to a request without a token or with an unknown one, and changes nothing', async () => {
    const sim = await simulator();
    const none = await callPortsip(sim, 'GET', '/api/users', { token: null });
    const wrong = await createPortsipUser(sim, validPortsipUser(1));
    const wrongToken = await callPortsip(sim, 'POST', '/api/users', {
      token: 'not-a-token',
      json: validPortsipUser(1),
    });

    expect(none.status).toBe(401);
    expect(errorOf(none).code).toBe('UNAUTHORIZED');
    expect(wrong.status).toBe(200);
    expect(wrongToken.status).toBe(401);
    expect(sim.state.users()).toHaveLength(1);
  });

  it('refuses a revoked token', async () => {
    const sim = await simulator({ tokens: ['a', 'b'] });
    sim.revokeToken('a');
    expect((await callPortsip(sim, 'GET', '/api/roles', { token: 'a' })).status).toBe(401);
    expect((await callPortsip(sim, 'GET', '/api/roles', { token: 'b' })).status).toBe(200);
  });
});

describe('PortSIP simulator: users', () => {
  it('creates a valid user, answers its id, and shows it without passwords', async () => {
    const sim = await simulator();
    const answer = await createPortsipUser(sim, validPortsipUser(1, { voicemail_pin: '135792' }));

    expect(answer.status).toBe(200);
    const { id } = answer.body as { id: string };
    expect(id).toMatch(/^[A-Za-z0-9+/=]+$/);
    const shown = await callPortsip(sim, 'GET', `/api/users/${id}`);
    expect(shown.body).toMatchObject({
      id,
      name: 'new.user1',
      extension_number: '5001',
      role: 'StandardUser',
      enabled: true,
      voicemail_pin: '135792',
    });
    expect(shown.body).not.toHaveProperty('password');
    expect(sim.state.findUser(id)?.password).toBe('Secret-Pass-1');
  });

  it.each([
    ['name', { name: undefined }, 'is required'],
    ['name', { name: 'bad name' }, 'may hold only'],
    ['name', { name: '.dotted' }, 'period'],
    ['name', { name: 'ROOT' }, 'reserved'],
    ['password', { password: '' }, 'must not be empty'],
    ['extension_number', { extension_number: '12' }, '3 to 64 digits'],
    ['extension_number', { extension_number: '12a4' }, '3 to 64 digits'],
    ['extension_password', { extension_password: '' }, 'must not be empty'],
    ['email', { email: 'not-an-email' }, 'email address'],
    ['sms', { sms: 'ON' }, 'DISABLE, ALLOW, ALLOW_WITH_SENDER_ID'],
    ['voicemail_play_datetime', { voicemail_play_datetime: '12H' }, '12_HOUR_CLOCK'],
    ['interface', { interface: 'LAN' }, 'WEB_DOMAIN'],
    ['preferred_transport', { preferred_transport: 'SCTP' }, 'UDP, TCP, TLS'],
    ['voicemail_prompt', { voicemail_prompt: 'english' }, 'BCP 47'],
    ['voicemail_pin', { voicemail_pin: '12345' }, '6 to 10 digits'],
    ['voicemail_pin', { voicemail_pin: '501114' }, 'three times'],
    ['voicemail_pin', { voicemail_pin: '907891' }, 'sequential'],
    ['enabled', { enabled: 'yes' }, 'true or false'],
    ['custom_options', { custom_options: '{not json' }, 'JSON'],
    ['role', { role: 'NoSuchRole' }, 'not an existing role'],
    ['nickname', { nickname: 'x' }, 'is not a field'],
  ])('refuses %s (%j) with 400 naming the field', async (field, override, text) => {
    const sim = await simulator();
    const answer = await createPortsipUser(sim, validPortsipUser(1, override));

    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ code: 'INVALID_ARGUMENT', field });
    expect(errorOf(answer).message).toContain(field);
    expect(errorOf(answer).message).toContain(text);
    expect(sim.state.users()).toHaveLength(0);
  });

  it('refuses a second user with the same name (case ignored) or extension number with 409', async () => {
    const sim = await simulator();
    await createPortsipUser(sim, validPortsipUser(1));

    const sameName = await createPortsipUser(sim, validPortsipUser(2, { name: 'NEW.USER1' }));
    const sameExtension = await createPortsipUser(
      sim,
      validPortsipUser(3, { extension_number: '5001' }),
    );

    expect(sameName.status).toBe(409);
    expect(errorOf(sameName)).toMatchObject({ code: 'ALREADY_EXISTS', field: 'name' });
    expect(sameExtension.status).toBe(409);
    expect(errorOf(sameExtension).field).toBe('extension_number');
    expect(sim.state.users()).toHaveLength(1);
  });

  it('updates the fields sent, refuses create-only fields, changes the role by its own call and destroys', async () => {
    const sim = await simulator();
    const { id } = (await createPortsipUser(sim, validPortsipUser(1))).body as { id: string };

    const update = await callPortsip(sim, 'POST', `/api/users/${id}`, {
      json: { department: 'Sales', sms: 'ALLOW' },
    });
    const rename = await callPortsip(sim, 'POST', `/api/users/${id}`, { json: { name: 'x' } });
    const role = await callPortsip(sim, 'POST', `/api/users/${id}/role`, {
      json: { role: 'queuemanager' },
    });
    const badRole = await callPortsip(sim, 'POST', `/api/users/${id}/role`, {
      json: { role: 'Nope' },
    });

    expect(update.status).toBe(204);
    expect(rename.status).toBe(400);
    expect(errorOf(rename).field).toBe('name');
    expect(role.status).toBe(204);
    expect(badRole.status).toBe(400);
    expect(sim.state.findUser(id)).toMatchObject({
      department: 'Sales',
      sms: 'ALLOW',
      role: 'QueueManager',
    });
    expect((await callPortsip(sim, 'POST', `/api/users/${id}/destroy`)).status).toBe(204);
    expect(sim.state.users()).toHaveLength(0);
  });

  it('answers 404 naming id for an unknown user, and 404 for an unknown path', async () => {
    const sim = await simulator();
    for (const [method, path] of [
      ['GET', '/api/users/nope'],
      ['POST', '/api/users/nope'],
      ['POST', '/api/users/nope/role'],
      ['POST', '/api/users/nope/destroy'],
    ] as const) {
      const answer = await callPortsip(sim, method, path, {
        ...(method === 'POST' ? { json: { role: 'Admin' } } : {}),
      });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(errorOf(answer).field).toBe('id');
    }
    expect((await callPortsip(sim, 'GET', '/api/nothing')).status).toBe(404);
  });

  it('refuses a body that is not JSON with 400 naming body', async () => {
    const sim = await simulator();
    const answer = await callPortsip(sim, 'POST', '/api/users', { raw: '{"name":' });
    expect(answer.status).toBe(400);
    expect(errorOf(answer).field).toBe('body');
  });
});
