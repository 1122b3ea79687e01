export { grantView, viewerOf as personView } from '../../runtime/viewer';
