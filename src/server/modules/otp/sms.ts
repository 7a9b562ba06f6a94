import { maskPhone } from '../../../domain/mask';
import type { Config } from '../../config';
import type { Ctx } from '../../context';
import { AppError } from '../../http/errors';

/** Sends one text message. A failure throws; the caller decides what the user sees. */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

/**
 * Development and tests: the message goes to the server log (phone masked) and the last text per
 * phone is kept in this sender's memory, so a test can read the code it was sent. Never used when a
 * provider is configured.
 */
export class LogSmsSender implements SmsSender {
  private readonly last = new Map<string, string>();
  constructor(private readonly log: Pick<Ctx['log'], 'info'>) {}

  async send(phone: string, text: string): Promise<void> {
    this.last.set(phone, text);
    this.log.info({ to: maskPhone(phone), text }, 'SMS (log sender, development only)');
  }

  /** the last message sent to phone, if any */
  lastText(phone: string): string | undefined {
    return this.last.get(phone);
  }

  /** the six-digit code in the last message sent to phone */
  lastCode(phone: string): string | undefined {
    return /(\d{6})/.exec(this.last.get(phone) ?? '')?.[1];
  }
}

/**
 * A real provider behind an HTTP gateway: POST {phone, sign, text} as JSON with a Bearer token
 * (QUNTUAN_SMS_URL, QUNTUAN_SMS_TOKEN, QUNTUAN_SMS_SIGN). Any non-2xx answer or a timeout is a failure.
 */
export class HttpSmsSender implements SmsSender {
  constructor(
    private readonly options: { url: string; token: string | undefined; sign: string; timeoutMs?: number },
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    let res: Response;
    try {
      res = await this.fetchImpl(this.options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ phone, sign: this.options.sign, text: `【${this.options.sign}】${text}` }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch {
      throw new AppError('INTERNAL', '短信发送失败，请稍后重试');
    }
    if (!res.ok) throw new AppError('INTERNAL', '短信发送失败，请稍后重试');
  }
}

export function createSmsSender(config: Pick<Config, 'sms'>, log: Pick<Ctx['log'], 'info'>): SmsSender {
  return config.sms ? new HttpSmsSender(config.sms) : new LogSmsSender(log);
}
