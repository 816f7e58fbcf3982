// Marker images drawn on a canvas at start-up (no sprite server, no glyphs: the map works offline). Each severity
// has its own shape as well as its colour — octagon, triangle, diamond, square, circle — so the map reads without
// colour; an offline device is drawn hollow.
import type { Map as MapLibre } from 'maplibre-gl';
import type { Severity } from '../api/types';
import { severities } from '../api/types';
import { severityColor } from './colors';

const size = 22;
const ratio = 2;

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  return ctx;
}

type Shape = (ctx: CanvasRenderingContext2D, c: number, r: number) => void;

function polygon(sides: number, rotation: number): Shape {
  return (ctx, c, r) => {
    ctx.beginPath();
    for (let i = 0; i < sides; i++) {
      const a = rotation + (i * 2 * Math.PI) / sides;
      const x = c + r * Math.cos(a);
      const y = c + r * Math.sin(a);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.closePath();
  };
}

const shapes: Record<Severity, Shape> = {
  critical: polygon(8, Math.PI / 8),
  major: (ctx, c, r) => polygon(3, -Math.PI / 2)(ctx, c, r * 1.15),
  minor: polygon(4, 0),
  warning: (ctx, c, r) => polygon(4, Math.PI / 4)(ctx, c, r * 0.95),
  none: (ctx, c, r) => {
    ctx.beginPath();
    ctx.arc(c, c, r * 0.7, 0, 2 * Math.PI);
  },
};

function draw(severity: Severity, hollow: boolean): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size * ratio;
  const ctx = context(canvas);
  ctx.scale(ratio, ratio);
  const c = size / 2;
  shapes[severity](ctx, c, severity === 'none' ? 7 : 9);
  ctx.lineWidth = 2;
  ctx.strokeStyle = hollow ? severityColor[severity] : 'rgba(10, 14, 20, 0.9)';
  if (!hollow) {
    ctx.fillStyle = severityColor[severity];
    ctx.fill();
  } else {
    ctx.fillStyle = 'rgba(10, 14, 20, 0.75)';
    ctx.fill();
  }
  ctx.stroke();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

function technicianIcon(available: boolean): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size * ratio;
  const ctx = context(canvas);
  ctx.scale(ratio, ratio);
  ctx.beginPath();
  ctx.roundRect(2, 2, size - 4, size - 4, 5);
  ctx.fillStyle = available ? '#e8edf5' : '#8a94a6';
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#1b2330';
  ctx.stroke();
  // A wrench-like bar: recognisable at 22 px without any font.
  ctx.strokeStyle = '#1b2330';
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(7, 15);
  ctx.lineTo(15, 7);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(15.5, 6.5, 2.5, 0, 2 * Math.PI);
  ctx.stroke();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

export function markerImage(severity: Severity, offline: boolean): string {
  return `sev-${severity}${offline ? '-offline' : ''}`;
}

export function addMarkerImages(map: MapLibre): void {
  for (const severity of severities) {
    map.addImage(markerImage(severity, false), draw(severity, false), { pixelRatio: ratio });
    map.addImage(markerImage(severity, true), draw(severity, true), { pixelRatio: ratio });
  }
  map.addImage('technician', technicianIcon(true), { pixelRatio: ratio });
  map.addImage('technician-busy', technicianIcon(false), { pixelRatio: ratio });
}
