// The PDF viewer page: pdf.html?file=<URL-encoded address> (extension/pdf/viewer.ts).
import '../../extension/pages.css';
import './pdf.css';
import { startViewer } from '../../extension/pdf/viewer';

void startViewer(document);
