// The query keys of the phone screens, apart from their API calls: the live stream refreshes
// them without bringing the phone contracts (and zod) into the first screen.
export const phoneKeys = { pop: (callId: string) => ['phone', 'pop', callId] as const };
