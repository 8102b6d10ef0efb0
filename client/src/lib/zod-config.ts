import { z } from 'zod';

// zod 4 compiles parsers with `new Function` when it may; the apps' Content-Security-Policy allows
// no eval (worker/http/security-headers.ts), so it is told not to try. Imported first by each app.
z.config({ jitless: true });
