/** NIST SP 800-63B style: length only, no composition rules; common passwords are refused server-side. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
