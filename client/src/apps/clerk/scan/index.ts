/**
 * Identifying members and products by scan at the counter (docs/decisions/011). What the counter
 * screen needs:
 *
 *   const lookup = useScanLookup(useCloudSync()?.rep);
 *   const onScan = async (text: string) => { if (lookup) show(await resolveScan(text, lookup)); };
 *   useKeyboardScanner(onScan);                              // USB scanner, anywhere on the screen
 *   {camera && <CameraScanner onScan={(t) => { setCamera(false); void onScan(t); }} onClose={() => setCamera(false)} />}
 *   t(scanMessageKey(result), scanMessageValues(result))    // what to tell the clerk
 */
export { CameraScanner } from './camera-scanner';
export { replicacheLookup, type ReplicacheLookup, type ScanRep } from './replicache-lookup';
export { cleanScan, resolveScan, scanMessageKey, scanMessageValues, type ScanErrorCode, type ScanLookup, type ScanResult } from './resolve-scan';
export { SeenNonces, tabletSeenCodes } from './seen-nonces';
export { useKeyboardScanner } from './use-keyboard-scanner';
export { useScanLookup } from './use-scan-lookup';
