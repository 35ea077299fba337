// Reading a QR code from the camera's frames: the browser's own BarcodeDetector where it has
// one (Chrome on Android and ChromeOS, Safari 17+), else jsQR on the frame's pixels. jsQR is
// loaded only when a browser without a detector first scans, so it never weighs on the
// counter's first screen.

/** The part of the Barcode Detection API used here (not yet in TypeScript's DOM library). */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

export type FrameDecoder = (video: HTMLVideoElement) => Promise<string | null>;

async function nativeDecoder(): Promise<FrameDecoder | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    if (Detector.getSupportedFormats && !(await Detector.getSupportedFormats()).includes('qr_code')) return null;
    const detector = new Detector({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  } catch {
    return null; // a detector that cannot start: fall back to jsQR
  }
}

async function jsqrDecoder(): Promise<FrameDecoder> {
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return null;
    // A frame of at most 640 px across is enough for a ticket held up to the camera, and fast.
    const scale = Math.min(1, 640 / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
}

/** The best decoder this browser offers. */
export async function frameDecoder(): Promise<FrameDecoder> {
  return (await nativeDecoder()) ?? jsqrDecoder();
}
