/**
 * Reads a chosen or dropped file as base64, the form `import:open` carries it in.
 *
 * A data URL is the cheapest route in a browser: the encoding happens natively and no
 * byte-by-byte string building runs on the UI thread.
 */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}

/** Base64 is 4 characters per 3 bytes; used to refuse a file before reading it. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
