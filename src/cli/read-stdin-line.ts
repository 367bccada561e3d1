/** The first line of standard input, without its line ending; null when stdin is empty. */
export async function readStdinLine(stream: NodeJS.ReadableStream = process.stdin): Promise<string | null> {
  let buffered = '';
  for await (const chunk of stream) {
    buffered += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    const newline = buffered.indexOf('\n');
    if (newline >= 0) return buffered.slice(0, newline).replace(/\r$/, '');
  }
  return buffered.length > 0 ? buffered.replace(/\r$/, '') : null;
}
