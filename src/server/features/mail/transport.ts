import nodemailer from 'nodemailer';
import type { MailTransport } from './outbox.ts';

/**
 * SMTP through nodemailer when SMTP_URL is set; otherwise the dev mailbox, where "sending" is
 * marking the outbox row sent so it shows at /dev/mail.
 */
export function createMailTransport(smtpUrl: string | undefined, from: string): MailTransport {
  if (!smtpUrl) return { kind: 'mailbox', send: async () => {} };
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: (mail.attachments ?? []).map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: attachment.content,
        })),
      });
    },
  };
}
