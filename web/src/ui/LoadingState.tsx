// A spinner that screen readers announce ("Loading the cases") instead of ignoring.
import { Center, Loader, VisuallyHidden, type MantineSize } from '@mantine/core';

export function LoadingState({ label, size = 'md' }: { label: string; size?: MantineSize }) {
  return (
    <Center py="xl" role="status">
      <Loader size={size} aria-hidden />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}
