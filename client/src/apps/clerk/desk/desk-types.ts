/**
 * What an action form reports when its change is queued: the message for the clerk, and the id
 * the server's refusal (if any) will carry, so the desk can show that refusal beside the member.
 */
export type DeskDone = (message: string, refId?: string) => void;
