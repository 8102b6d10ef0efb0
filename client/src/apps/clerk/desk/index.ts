/**
 * The member desk on the clerk tablet. The app wires these into its navigation:
 * `<MemberDesk memberId storeId onClose onCheckout? />` and
 * `<RegisterForm storeId onRegistered onCancel onOpenMember? />`. `usePhotoSync()` may also be
 * mounted once in the signed-in shell so photos queued offline go up while no desk is open.
 */
export { MemberDesk, type MemberDeskProps } from './member-desk';
export { RegisterForm } from './register-form';
export { usePhotoSync } from './photo-api';
