/**
 * Errors are values: every failure the API can report has one code here, and one HTTP status.
 * The worker maps DomainError to `{error:{code,message,details?}}` in a single onError.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_OTP: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  /** The account's password was reset: this session may only set a new one (PUT /api/me/password) or sign out. */
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  MEMBER_NOT_FOUND: 404,
  STORE_NOT_FOUND: 404,
  CONFLICT: 409,
  PHONE_TAKEN: 409,
  CARD_FROZEN: 409,
  INSUFFICIENT_FUNDS: 409,
  /** Offline, the tablet's allowance for the member does not cover the stored value (decision 015). */
  OFFLINE_ALLOWANCE: 409,
  INSUFFICIENT_POINTS: 409,
  /** A stock movement would take a store's stock below zero (and the chain does not allow negative stock). */
  INSUFFICIENT_STOCK: 409,
  PUNCH_EXHAUSTED: 409,
  PUNCH_EXPIRED: 409,
  PUNCH_NOT_VALID_HERE: 409,
  COUPON_USED: 409,
  COUPON_EXPIRED: 409,
  CARD_CLOSED: 409,
  REFUND_NOT_ALLOWED: 409,
  REFUND_EXCEEDS_ORIGINAL: 409,
  OPERATION_NOT_FOUND: 404,
  IDEMPOTENCY_MISMATCH: 409,
  /** 积分兑换: the reward is sold out, or this member has had as many as it allows. */
  REWARD_SOLD_OUT: 409,
  REWARD_LIMIT_REACHED: 409,
  RATE_LIMITED: 429,
  NOT_AVAILABLE: 404,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: unknown };
};

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** Seconds the caller should wait before retrying (sent as Retry-After). */
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message: string, opts: { details?: unknown; retryAfter?: number } = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = opts.details;
    this.retryAfter = opts.retryAfter;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { error: { code: this.code, message: this.message } };
    if (this.details !== undefined) body.error.details = this.details;
    return body;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
