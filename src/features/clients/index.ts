// The clients feature: find or add a client, and a client's profile.
export { FindClientPage } from './FindClientPage';
export { ClientProfilePage } from './ClientProfilePage';
