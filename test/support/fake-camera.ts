// A camera for the browser tests: Chromium's fake capture device plays a Y4M file, here one
// that shows a QR code (drawn by the same qrcode library the tickets use) on a white frame,
// as a ticket held up to a tablet's camera would.
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;

/** Writes a Y4M video of `text` as a QR code and returns Chromium's switches to use it as the camera. */
export async function fakeCameraShowing(file: string, text: string): Promise<string[]> {
  const png = PNG.sync.read(await QRCode.toBuffer(text, { type: 'png', margin: 4, width: 360 }));
  const y = Buffer.alloc(WIDTH * HEIGHT, 235); // white in video range
  const left = Math.floor((WIDTH - png.width) / 2);
  const top = Math.floor((HEIGHT - png.height) / 2);
  for (let row = 0; row < png.height; row++) {
    for (let col = 0; col < png.width; col++) {
      const i = (row * png.width + col) * 4;
      const luma = 0.299 * png.data[i]! + 0.587 * png.data[i + 1]! + 0.114 * png.data[i + 2]!;
      y[(top + row) * WIDTH + left + col] = Math.round(16 + (luma * 219) / 255);
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128); // no colour: U and V planes
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]));
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}
