// Scanning a ticket's QR code with the tablet's camera (the back one when there is one):
// frames are decoded a few times a second until a code is read, then the camera stops and
// the code's text (the tracking link) is searched like anything typed. A refused or missing
// camera says so; a USB scanner needs none of this (it types into the search box).
import { Button, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { frameDecoder } from './qr-decode.ts';

const FRAME_INTERVAL_MS = 200;

type CameraState = 'starting' | 'scanning' | 'denied' | 'unavailable';

export function QrScanner({ opened, onClose, onResult }: { opened: boolean; onClose: () => void; onResult: (text: string) => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('counterMode.scan.title')} size="lg" centered closeButtonProps={{ 'aria-label': t('counterMode.scan.cancel') }}>
      {opened && <Camera onResult={onResult} onClose={onClose} />}
    </Modal>
  );
}

function Camera({ onResult, onClose }: { onResult: (text: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const found = useRef(onResult);
  found.current = onResult;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) return setState('unavailable');
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
      } catch (error) {
        return setState(error instanceof DOMException && error.name === 'NotAllowedError' ? 'denied' : 'unavailable');
      }
      if (stopped || !video.current) return stream.getTracks().forEach((track) => track.stop());
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      setState('scanning');
      const decode = await frameDecoder();
      const tick = async () => {
        if (stopped || !video.current) return;
        const text = await decode(video.current).catch(() => null);
        if (text && !stopped) {
          stopped = true;
          stream?.getTracks().forEach((track) => track.stop());
          found.current(text);
          return;
        }
        timer = setTimeout(() => void tick(), FRAME_INTERVAL_MS);
      };
      void tick();
    };
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <Stack gap="sm">
      <video
        ref={video}
        muted
        playsInline
        aria-label={t('counterMode.scan.video')}
        style={{ width: '100%', maxHeight: '60vh', background: 'black', borderRadius: 8, display: state === 'scanning' || state === 'starting' ? 'block' : 'none' }}
      />
      <Text size="md" role="status" fw={500}>
        {t(`counterMode.scan.${state}`)}
      </Text>
      <Button size="lg" variant="default" onClick={onClose}>
        {t('counterMode.scan.cancel')}
      </Button>
    </Stack>
  );
}
