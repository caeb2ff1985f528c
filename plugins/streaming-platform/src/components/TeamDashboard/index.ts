export { TeamDashboard } from './TeamDashboard';
export { TeamDashboardPage, GROUP_PARAM } from './TeamDashboardPage';
