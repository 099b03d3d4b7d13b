/**
 * The family version as a PDF, drawn with pdfkit (pure JavaScript, the standard PDF fonts,
 * no browser on the server). Large type, one idea a line, the same words as the page.
 */
import PDFDocument from 'pdfkit';
import type { FamilyVersion } from './family-version.js';

export function familyPlanPdf(version: FamilyVersion, meta: { childName: string; council: string }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `${version.title}: the family version`, Author: meta.council, Subject: meta.childName },
      lang: 'en-GB',
      pdfVersion: '1.7',
      tagged: true,
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
    });
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);

    const heading = (text: string, size = 16) => {
      doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(text).moveDown(0.3);
    };
    const body = (text: string) => doc.font('Helvetica').fontSize(12).text(text, { lineGap: 3 });

    doc.font('Helvetica-Bold').fontSize(22).text(version.title);
    doc.moveDown(0.4);
    body(version.intro);
    if (version.nextReview) body(`We will all meet again to review the plan by ${version.nextReview}.`);

    heading('What we want to see');
    version.goals.forEach((goal, index) => {
      doc
        .font('Helvetica-Bold')
        .fontSize(13)
        .text(`${index + 1}. ${goal.goalInFamilyWords}`, { lineGap: 3 });
      if (goal.professionalWording) body(`In the professionals’ words: ${goal.professionalWording}`);
      for (const action of goal.actions) body(`•  ${action.sentence} (${action.status})`);
      doc.moveDown(0.4);
    });
    if (version.otherActions.length > 0) {
      heading('Other things that will happen');
      for (const action of version.otherActions) body(`•  ${action.sentence} (${action.status})`);
    }
    if (version.support) {
      heading('The help you will get');
      body(version.support);
    }
    if (version.achieved.length > 0) {
      heading('What has gone well');
      for (const entry of version.achieved) body(`${entry.on}: ${entry.text}`);
    }
    if (version.changes) {
      heading(`What has changed since we agreed this on ${version.changes.agreedOn}, and why`);
      if (version.changes.differences.length === 0) body('Nothing has changed since we agreed it.');
      for (const difference of version.changes.differences) {
        doc.font('Helvetica-Bold').fontSize(12).text(difference.name, { lineGap: 3 });
        for (const row of difference.rows) {
          body(`${row.field}: was “${row.before || 'nothing'}”, now “${row.after || 'nothing'}”`);
        }
      }
      for (const reason of version.changes.reasons) body(`Why (${reason.on}): ${reason.reason}`);
    }
    doc.end();
  });
}
