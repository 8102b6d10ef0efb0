import { z } from 'zod';

/**
 * A member's photo, taken at the counter: a small JPEG data URL kept in D1 (`member_photos`) and
 * fetched on demand, never synced (240 members × 40 KB would swamp a tablet's first pull).
 */
export const PHOTO_MAX_BYTES = 60 * 1024;
/** What the tablet aims for when it encodes; the server allows some headroom above it. */
export const PHOTO_TARGET_BYTES = 40 * 1024;
/** Longest side in pixels: enough to recognise a face on the counter screen. */
export const PHOTO_MAX_PX = 320;

export const photoDataUrlSchema = z
  .string()
  .max(PHOTO_MAX_BYTES, 'must be at most 60 KB')
  .regex(/^data:image\/jpeg;base64,[A-Za-z0-9+/]+={0,2}$/, 'must be a JPEG data URL (data:image/jpeg;base64,…)');

/** PUT /api/members/:id/photo body. */
export const memberPhotoUploadSchema = z.object({ dataUrl: photoDataUrlSchema }).meta({ id: 'MemberPhotoUpload' });
/** GET /api/members/:id/photo: null when no photo was taken. */
export const memberPhotoSchema = z.object({ dataUrl: photoDataUrlSchema.nullable() }).meta({ id: 'MemberPhoto' });
export type MemberPhoto = z.infer<typeof memberPhotoSchema>;
