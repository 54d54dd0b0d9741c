// Small inline icons (no icon library for a dozen glyphs). Always decorative: every use sits next to
// text that says the same, so status is never carried by colour or shape alone.
import type { SVGProps } from "react";

type IconProps = SVGProps<SVGSVGElement>;

function Svg({ children, className = "h-4 w-4", ...rest }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" className={className} {...rest}>
      {children}
    </svg>
  );
}

export const ClockIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="10" cy="10" r="7" />
    <path d="M10 6v4l2.5 2" />
  </Svg>
);
export const PhoneRetryIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M5 3.5h2.5l1.2 3-1.6 1.2a8 8 0 0 0 5.2 5.2l1.2-1.6 3 1.2V15a1.5 1.5 0 0 1-1.5 1.5A12.5 12.5 0 0 1 3.5 5 1.5 1.5 0 0 1 5 3.5Z" />
    <path d="M13 3.5h3.5V7M16.5 3.5 12.5 7.5" />
  </Svg>
);
export const CheckCircleIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="10" cy="10" r="7" />
    <path d="m7 10.2 2 2 4-4.2" />
  </Svg>
);
export const MinusCircleIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="10" cy="10" r="7" />
    <path d="M7 10h6" />
  </Svg>
);
export const AlertCircleIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="10" cy="10" r="7" />
    <path d="M10 6.5v4M10 13.5v.01" />
  </Svg>
);
export const ChevronIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m6 8 4 4 4-4" />
  </Svg>
);
export const CloseIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m5 5 10 10M15 5 5 15" />
  </Svg>
);
export const InfoIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="10" cy="10" r="7" />
    <path d="M10 9v4.5M10 6.5v.01" />
  </Svg>
);
export const LockIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="4.5" y="9" width="11" height="8" rx="1.5" />
    <path d="M7 9V6.5a3 3 0 0 1 6 0V9" />
  </Svg>
);
/** A pen over a signature line: a report's sign-off (kept apart from the check of a done callout). */
export const SignatureIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M12.5 3.5 15.5 6.5 8 14l-3.5.5.5-3.5 7.5-7.5Z" />
    <path d="M3.5 17h13" />
  </Svg>
);
