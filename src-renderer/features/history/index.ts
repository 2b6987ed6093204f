export { SaleHistoryScreen } from './SaleHistoryScreen';
