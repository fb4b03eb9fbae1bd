import { Box, Group, Text } from '@mantine/core';
import { useId } from 'react';
import type { TripPoint } from '../../api/trips.ts';
import { fitRoute, polylinePoints } from './route-drawing.ts';
import { useAppTexts } from './use-app-texts.ts';

const BOX = { width: 320, height: 220, padding: 16 };
const START_COLOR = 'var(--mantine-color-green-9)';
const END_COLOR = 'var(--mantine-color-red-9)';

/** A coloured dot before a legend word; the word says it, the colour only helps. */
function Swatch({ color, isSquare = false }: { color: string; isSquare?: boolean }) {
  return (
    <Box
      component="span"
      aria-hidden="true"
      w={12}
      h={12}
      bg={color}
      style={{ display: 'inline-block', borderRadius: isSquare ? 2 : '50%' }}
    />
  );
}

/**
 * A trip's route drawn from its reported positions, north up and scaled to fit, with its start
 * (green dot) and end (red square): no map tiles, which cannot be reached here.
 */
export function TripRouteDrawing({ route }: { route: TripPoint[] }) {
  const at = useAppTexts();
  const titleId = useId();
  const points = fitRoute(route, BOX);
  const start = points[0];
  const end = points[points.length - 1];
  if (!start || !end) return null;
  return (
    <Box maw={560}>
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        style={{
          display: 'block',
          background: 'var(--mantine-color-gray-1)',
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 'var(--mantine-radius-md)',
        }}
      >
        <title id={titleId}>{at('trip.routeDrawing', { count: route.length })}</title>
        <polyline
          points={polylinePoints(points)}
          fill="none"
          stroke="var(--mantine-color-blue-7)"
          strokeWidth={3}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
        <circle cx={start.x} cy={start.y} r={7} fill={START_COLOR} stroke="white" strokeWidth={2} />
        <rect
          x={end.x - 6}
          y={end.y - 6}
          width={12}
          height={12}
          fill={END_COLOR}
          stroke="white"
          strokeWidth={2}
        />
      </svg>
      <Group gap="md" mt={6}>
        <Group gap={6}>
          <Swatch color={START_COLOR} />
          <Text size="sm">{at('trip.start')}</Text>
        </Group>
        <Group gap={6}>
          <Swatch color={END_COLOR} isSquare />
          <Text size="sm">{at('trip.end')}</Text>
        </Group>
      </Group>
    </Box>
  );
}
