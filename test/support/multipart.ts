// multipart/form-data bodies for app.inject, built by the platform's own FormData (as a
// browser would send them).
export interface FilePart {
  name: string;
  content: Buffer;
  /** What the sender claims; the server decides from the bytes. */
  type?: string;
  field?: string;
}

export async function multipart(fields: Record<string, string>, files: FilePart[] = []): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const f of files) form.append(f.field ?? 'files', new Blob([new Uint8Array(f.content)], { type: f.type ?? 'application/octet-stream' }), f.name);
  const request = new Request('http://comptoir.test/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}
