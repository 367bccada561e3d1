import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** A dialog for forms: centred on larger screens, the whole screen on phones so long forms stay usable. */
export function FormModal({ title, onClose, children }: { title: ReactNode; onClose: () => void; children: ReactNode }) {
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  return (
    <Modal opened onClose={onClose} title={title} size="lg" fullScreen={isPhone} transitionProps={isPhone ? { duration: 0 } : undefined}>
      {children}
    </Modal>
  );
}
