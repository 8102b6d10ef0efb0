import { useEffect, useState } from 'react';
import { replicacheLookup, type ReplicacheLookup, type ScanRep } from './replicache-lookup';

/** The scan lookups over the tablet's Replicache (e.g. `useCloudSync()?.rep`), closed with it. */
export function useScanLookup(rep: ScanRep | null | undefined): ReplicacheLookup | null {
  const [lookup, setLookup] = useState<ReplicacheLookup | null>(null);
  useEffect(() => {
    if (!rep) return setLookup(null);
    const l = replicacheLookup(rep);
    setLookup(l);
    return () => l.close();
  }, [rep]);
  return lookup;
}
