/** Why a conversation with a device failed; the message is Indonesian and names the device. */
export type ZkFailure = 'unreachable' | 'timeout' | 'disconnected' | 'auth' | 'refused' | 'protocol';

export class ZkError extends Error {
  constructor(
    readonly failure: ZkFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ZkError';
  }
}
