export function ensureBenchCertificate(): { keyPath: string; certPath: string };
