// The contact feature: recording a contact with a client (Current Living Situation, note, and an
// optional interim update).
export { ContactPage } from './ContactPage';
