// Delivery transports. Email goes through SMTP (nodemailer) when SMTP_URL is set; in development
// without it, to the dev mailbox (/dev/mail). Fax, SMS and WhatsApp have no provider yet: their
// messages stay in the outbox as "no_provider". Adding a provider = one more MessageTransport.
import type { OutboundMessage } from "@/db/schema";

export type SendResult = { ok: true; response: string } | { ok: false; error: string };

export interface MessageTransport {
  name: string;
  send(message: OutboundMessage): Promise<SendResult>;
}

const FROM = () => process.env.SMTP_FROM ?? "Critical Callout <no-reply@critical-callout.local>";

export function smtpTransport(url: string): MessageTransport {
  let transporter: import("nodemailer").Transporter | undefined;
  return {
    name: "smtp",
    async send(m) {
      const nodemailer = await import("nodemailer");
      // Short timeouts: a mail server that hangs must not hold the worker (it retries later).
      if (!transporter) {
        const u = new URL(url);
        u.searchParams.set("connectionTimeout", "5000");
        u.searchParams.set("greetingTimeout", "5000");
        u.searchParams.set("socketTimeout", "10000");
        transporter = nodemailer.createTransport(u.toString());
      }
      try {
        const info = await transporter.sendMail({
          from: FROM(),
          to: m.recipientName ? { name: m.recipientName, address: m.address } : m.address,
          subject: m.subject,
          text: m.bodyText,
          html: m.bodyHtml ?? undefined,
          headers: { "X-Critical-Callout-Message": String(m.id) },
        });
        return { ok: true, response: String(info.response ?? info.messageId) };
      } catch (err) {
        return { ok: false, error: (err as Error).message.slice(0, 500) };
      }
    },
  };
}

/** Development only: "delivers" by marking the message sent; /dev/mail shows it like a mail catcher. */
export const devMailboxTransport: MessageTransport = {
  name: "dev-mailbox",
  async send() {
    return { ok: true, response: "delivered to the development mailbox (/dev/mail)" };
  },
};

const smtpByUrl = new Map<string, MessageTransport>();

/** The transport for a channel, or null when none is configured (the message is "no_provider"). */
export function transportFor(channel: string): MessageTransport | null {
  if (channel !== "email") return null;
  const url = process.env.SMTP_URL;
  if (url) {
    if (!smtpByUrl.has(url)) smtpByUrl.set(url, smtpTransport(url));
    return smtpByUrl.get(url)!;
  }
  if (process.env.NODE_ENV !== "production") return devMailboxTransport;
  return null;
}
