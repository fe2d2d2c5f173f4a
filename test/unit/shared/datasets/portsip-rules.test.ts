import { describe, expect, it } from 'vitest';
import {
  checkCustomRoleName,
  checkEmail,
  checkEnum,
  checkExtensionNumber,
  checkLanguageTag,
  checkPassword,
  checkPermissions,
  checkUserName,
  checkVoicemailPin,
  isBuiltInRole,
  PORTSIP_PERMISSION_GROUPS,
  PORTSIP_PERMISSIONS,
  PORTSIP_SMS_MODES,
} from '../../../../shared/datasets/portsip/portsip-rules';

describe('PortSIP rules: user names', () => {
  it.each(["jane.o'neil", 'j_doe-2', 'Zoë', 'a'])('accepts %s', (name) => {
    expect(checkUserName(name)).toBeUndefined();
  });
  it.each([
    ['', 'empty'],
    ['jane doe', 'only letters'],
    ['jane@corp', 'only letters'],
    ['.jane', 'period'],
    ['jane.', 'period'],
    ['Admin', 'reserved'],
    ['SYSTEM', 'reserved'],
    ['administrator', 'reserved'],
    ['root', 'reserved'],
  ])('refuses %j (%s)', (name, why) => {
    expect(checkUserName(name)).toContain(why);
  });
});

describe('PortSIP rules: extensions, passwords, emails, language tags', () => {
  it('accepts 3 to 64 digits, keeping leading zeros, and refuses anything else', () => {
    expect(checkExtensionNumber('001')).toBeUndefined();
    expect(checkExtensionNumber('9'.repeat(64))).toBeUndefined();
    expect(checkExtensionNumber('12')).toBeDefined();
    expect(checkExtensionNumber('9'.repeat(65))).toBeDefined();
    expect(checkExtensionNumber('10 01')).toBeDefined();
  });
  it('refuses only an empty password', () => {
    expect(checkPassword('')).toBe('must not be empty');
    expect(checkPassword('x')).toBeUndefined();
  });
  it('checks email shape', () => {
    expect(checkEmail('a@b.co')).toBeUndefined();
    expect(checkEmail('a@b')).toBeDefined();
    expect(checkEmail('a b@c.de')).toBeDefined();
  });
  it.each(['en-US', 'en', 'fr-CA', 'zh-Hans-CN', 'es-419', 'de-DE-1996'])(
    'accepts tag %s',
    (tag) => {
      expect(checkLanguageTag(tag)).toBeUndefined();
    },
  );
  it.each(['english', 'en_US', 'e', 'en-', 'en-USA1'])('refuses tag %s', (tag) => {
    expect(checkLanguageTag(tag)).toContain('BCP 47');
  });
  it('lists the enum values in the message', () => {
    expect(checkEnum('ALLOW', PORTSIP_SMS_MODES)).toBeUndefined();
    expect(checkEnum('allow', PORTSIP_SMS_MODES)).toBe(
      'must be one of DISABLE, ALLOW, ALLOW_WITH_SENDER_ID',
    );
  });
});

describe('PortSIP rules: voicemail PIN policy', () => {
  it.each(['135792', '9876540', '2468013579'.slice(0, 10), '907531'])('accepts %s', (pin) => {
    expect(checkVoicemailPin(pin)).toBeUndefined();
  });
  it.each([
    ['12345', '6 to 10 digits'],
    ['13579135791', '6 to 10 digits'],
    ['13a579', '6 to 10 digits'],
    ['501114', 'three times'],
    ['970123', 'sequential'],
    ['135789', 'sequential'],
  ])('refuses %s (%s)', (pin, why) => {
    expect(checkVoicemailPin(pin)).toContain(why);
  });
});

describe('PortSIP rules: roles and permissions', () => {
  it('reserves the built-in role names with case ignored', () => {
    expect(isBuiltInRole('standarduser')).toBe(true);
    expect(isBuiltInRole('Reception')).toBe(false);
    expect(checkCustomRoleName('QueueManager')).toContain('reserved');
    expect(checkCustomRoleName(' Night')).toContain('space');
    expect(checkCustomRoleName('Night')).toBeUndefined();
  });
  it('knows the eleven permission groups of the spec', () => {
    expect(PORTSIP_PERMISSION_GROUPS).toHaveLength(11);
    expect(PORTSIP_PERMISSIONS.user_management).toEqual(['roles', 'users']);
  });
  it('accepts a partial permissions object and reports every unknown or non-boolean entry', () => {
    expect(checkPermissions({ trunk: { view_only: true } })).toEqual([]);
    expect(
      checkPermissions({ trunk: { view_only: 1, fly: true }, kitchen: {}, billing: [] }),
    ).toEqual([
      { field: 'permissions.trunk.view_only', message: 'must be true or false' },
      { field: 'permissions.trunk.fly', message: 'is not a permission' },
      { field: 'permissions.kitchen', message: 'is not a permission group' },
      { field: 'permissions.billing', message: 'must be an object' },
    ]);
    expect(checkPermissions('all')).toHaveLength(1);
  });
});
