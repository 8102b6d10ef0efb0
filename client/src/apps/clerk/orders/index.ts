/** The store's orders on the tablet: today's list, an order's detail, reprints and refunds. */
export { OrdersScreen } from './orders-screen';
