// The administrator's devices screen: list and revoke the devices people sign in on (issue 11).
export { DevicesPage } from './DevicesPage';
