// Which item of a list screen is being created, edited or deleted: one dialog at a time.
import { useState } from 'react';

export function useEditing<T>() {
  /** { item: null } is a new one. */
  const [editing, setEditing] = useState<{ item: T | null } | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  return {
    editing,
    deleting,
    create: () => setEditing({ item: null }),
    edit: (item: T) => setEditing({ item }),
    remove: (item: T) => setDeleting(item),
    close: () => {
      setEditing(null);
      setDeleting(null);
    },
  };
}
