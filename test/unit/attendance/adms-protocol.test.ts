import { describe, expect, it } from 'vitest';
import { buildDeviceCommand, isSafeCommand, UnsafeCommandError } from '../../../src/domain/attendance/adms-commands';
import { formatCommands, formatHandshake, parseAttlog, parseCommandResults, parseInfo, parseOperlog, parseOptionsBody } from '../../../src/domain/attendance/adms-protocol';

describe('ATTLOG lines', () => {
  it('reads 2 to 12 TAB-separated fields and never splits the time on its space', () => {
    const { records, rejected } = parseAttlog('1001\t2026-10-10 08:01:22\t0\t1\t0\t0\t0\r\n198507142010011001\t2026-10-10 08:02:00\n7\t2026-10-10 08:03:00\t1\t15\t5\t0\t0\t0\t255\t36.5\t0\t0\n');
    expect(records.map((record) => [record.pin, record.localTime, record.statusCode, record.verifyCode, record.workCode])).toEqual([
      ['1001', '2026-10-10 08:01:22', 0, 1, '0'],
      ['198507142010011001', '2026-10-10 08:02:00', null, null, null],
      ['7', '2026-10-10 08:03:00', 1, 15, '5'],
    ]);
    expect(records[2]?.rawFields).toHaveLength(12);
    expect(rejected).toEqual([]);
  });

  it('rejects space-separated, 1-field, 13-field, bad-date and truncated lines with their line number', () => {
    const body = ['1001 2026-10-10 08:01:22 0 1', 'lonely', Array(13).fill('1').join('\t'), '1001\t2026-02-30 08:00:00', '1001\t2026-10-1', '\t2026-10-10 08:00:00'].join('\n');
    const { records, rejected } = parseAttlog(body);
    expect(records).toEqual([]);
    expect(rejected.map((line) => line.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rejected[2]?.message).toContain('bukan 13');
  });
});

describe('other PUSH messages', () => {
  it('parses options, OPERLOG, INFO and command results', () => {
    expect(parseOptionsBody('~DeviceName=X100-C,FWVersion=Ver 6.60,UserCount=12')).toEqual({ DeviceName: 'X100-C', FWVersion: 'Ver 6.60', UserCount: '12' });
    expect(parseOperlog('OPLOG 4\t0\t2026-10-10 08:00:00\t0\t0\t0\t0\nUSER PIN=1001\tName=Budi\tPri=0\tPasswd=\tCard=\tGrp=1\nFP PIN=1001\tFID=6\tSize=1000\tValid=1\tTMP=abc\nrubbish')).toEqual({
      operations: 1,
      users: [{ pin: '1001', name: 'Budi' }],
      fingerprints: 1,
      other: 1,
    });
    expect(parseInfo('Ver 8.0.4.7-20230214,3,0,1234,192.168.1.201')).toMatchObject({ firmware: 'Ver 8.0.4.7-20230214', userCount: 3, attlogCount: 1234, ip: '192.168.1.201' });
    expect(parseCommandResults('ID=12&Return=0&CMD=DATA\nID=x&Return=0\nID=13&Return=-1002&CMD=CHECK')).toEqual([
      { id: 12, returnCode: 0, command: 'DATA', line: 'ID=12&Return=0&CMD=DATA' },
      { id: 13, returnCode: -1002, command: 'CHECK', line: 'ID=13&Return=-1002&CMD=CHECK' },
    ]);
  });

  it('formats the handshake and the command lines', () => {
    const reply = formatHandshake({ serialNumber: 'SN1', attlogStamp: null, pushTimeZone: '480' });
    expect(reply.split('\n').slice(0, 2)).toEqual(['GET OPTION FROM: SN1', 'ATTLOGStamp=None']);
    expect(reply).toContain('\nTimeZone=480\n');
    expect(formatCommands([{ id: 5, command: 'CHECK' }, { id: 6, command: 'INFO' }])).toBe('C:5:CHECK\nC:6:INFO\n');
  });
});

describe('the command outbox', () => {
  it('builds only safe commands', () => {
    expect(buildDeviceCommand({ kind: 'sync_user', pin: '1001', name: 'Budi\tSantoso\nREBOOT' })).toBe('DATA UPDATE USERINFO PIN=1001\tName=Budi Santoso REBOOT\tPri=0');
    expect(buildDeviceCommand({ kind: 'verify_sum', startTime: '2026-10-01 00:00:00', endTime: '2026-10-31 23:59:59' })).toBe('VERIFY SUM ATTLOG StartTime=2026-10-01 00:00:00\tEndTime=2026-10-31 23:59:59');
    expect(() => buildDeviceCommand({ kind: 'query_attlog', startTime: '2026-10-31 00:00:00', endTime: '2026-10-01 00:00:00' })).toThrow(UnsafeCommandError);
    expect(() => buildDeviceCommand({ kind: 'sync_user', pin: '1 2', name: 'x' })).toThrow(UnsafeCommandError);
  });
  it('recognises dangerous commands as unsafe', () => {
    for (const command of ['SHELL rm -rf /', 'PutFile a', 'UPGRADE', 'CLEAR LOG', 'DATA DELETE USERINFO PIN=1', 'CHECK\nCLEAR LOG']) expect(isSafeCommand(command)).toBe(false);
    for (const command of ['CHECK', 'INFO', 'VERIFY SUM ATTLOG', 'DATA QUERY ATTLOG StartTime=a\tEndTime=b']) expect(isSafeCommand(command)).toBe(true);
  });
});
