// The body of a PATCH, derived from the body that creates the same thing: every field optional
// and none defaulted. `createBody.partial()` would keep the defaults, so a PATCH that names one
// field would also put the others back to their defaults (a team emptied of its members, a
// deactivated store made active again): an absent field must mean "leave it as it is".
import { z } from 'zod';

type Patched<T extends z.ZodRawShape> = {
  [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K]>;
};

export function patchBodyOf<T extends z.ZodRawShape>(create: z.ZodObject<T>): z.ZodObject<Patched<T>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(create.shape)) {
    const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = bare.optional();
  }
  return z.strictObject(shape) as unknown as z.ZodObject<Patched<T>, z.core.$strict>;
}
