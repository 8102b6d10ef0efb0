import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal on the native <dialog> (focus trap, Esc and the backdrop for free). `onClose` runs on
 * Esc; the caller decides when it unmounts, so a busy request can keep it open.
 */
export function ShiftDialog({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="shift-dialog"
      aria-labelledby="shift-dialog-title"
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="shift-dialog-title" className="section-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
