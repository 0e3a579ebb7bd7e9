/** One problem named by an error answer. */
export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** The body of every hub error answer. */
export interface ApiErrorBody {
  error: { code: string; message: string; details: ApiErrorDetail[]; reason?: string };
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** A failure answered by the hub: its status and its error body. */
export class ContactHubApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  /** Why a rule refused the request (422), e.g. `blocked`, `proactive_off`. */
  readonly reason: string | undefined;
  /** The answer body as received. */
  readonly body: unknown;

  constructor(status: number, body: unknown) {
    const parsed = isErrorBody(body) ? body.error : null;
    const message = parsed?.message ?? ContactHubApiError.fallbackMessage(status, body);
    super(message);
    this.name = 'ContactHubApiError';
    this.status = status;
    this.code = parsed?.code ?? `http_${status}`;
    this.details = Array.isArray(parsed?.details) ? parsed.details : [];
    this.reason = parsed?.reason;
    this.body = body;
  }

  private static fallbackMessage(status: number, body: unknown): string {
    const text = typeof body === 'string' ? body.slice(0, 200) : '';
    return `Contact Hub answered HTTP ${status}${text ? `: ${text}` : ''}`;
  }

  /** The message followed by each detail, for people reading logs or n8n's error panel. */
  describe(): string {
    if (this.details.length === 0) return this.message;
    return `${this.message} (${this.details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ')})`;
  }
}
