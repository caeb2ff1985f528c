import {
  FALLBACK_ONDEMAND_PRICES,
  instanceTypeShape,
} from '@internal/backstage-plugin-streaming-platform-common';
import { PriceSource, SpotPricePoint } from '../aws/types';
import { hashUniform } from '../random';

/** Spot prices change about this often (AWS moves them every few hours). */
export const SPOT_PRICE_PERIOD_MS = 4 * 60 * 60 * 1000;

/**
 * Spot discounts off on-demand, per instance type and zone: 58–74 %, in the
 * range AWS's Spot Instance Advisor shows for the m, c and r families. Each
 * period the price moves within ±8 % of its type-and-zone base.
 */
const MIN_DISCOUNT = 0.58;
const DISCOUNT_SPREAD = 0.16;
const PERIOD_JITTER = 0.08;

/**
 * The emulator's prices: on-demand from the shipped list (see
 * `FALLBACK_ONDEMAND_PRICES`), spot as a time-varying discount that is a pure
 * function of seed, type, zone and time — so the past can be asked for too.
 */
export class PriceBook implements PriceSource {
  readonly region: string;
  readonly zones: readonly string[];
  readonly #seed: string;
  readonly #onDemand: Map<string, number>;

  constructor(options: { seed: string; region: string; zones?: string[] }) {
    this.#seed = options.seed;
    this.region = options.region;
    this.zones =
      options.zones ?? ['a', 'b', 'c'].map(s => `${options.region}${s}`);
    this.#onDemand = new Map(
      FALLBACK_ONDEMAND_PRICES.filter(p => p.region === options.region).map(
        p => [p.instanceType, p.usdPerHour],
      ),
    );
    if (this.#onDemand.size === 0) {
      throw new Error(`No prices for region ${options.region}`);
    }
  }

  instanceTypes(): string[] {
    return [...this.#onDemand.keys()].filter(t => instanceTypeShape(t));
  }

  onDemandUsdPerHour(instanceType: string): number | undefined {
    return this.#onDemand.get(instanceType);
  }

  spotUsdPerHour(
    instanceType: string,
    zone: string,
    atMs: number,
  ): number | undefined {
    const period = this.#periodAt(instanceType, zone, atMs);
    return this.#spotPrice(instanceType, zone, period);
  }

  spotPriceHistory(
    instanceType: string,
    zone: string,
    fromMs: number,
    toMs: number,
  ): SpotPricePoint[] {
    if (
      this.#onDemand.get(instanceType) === undefined ||
      !this.zones.includes(zone)
    ) {
      return [];
    }
    const points: SpotPricePoint[] = [];
    for (
      let period = this.#periodAt(instanceType, zone, fromMs);
      this.#periodStart(instanceType, zone, period) <= toMs;
      period++
    ) {
      points.push({
        timestampMs: this.#periodStart(instanceType, zone, period),
        usdPerHour: this.#spotPrice(instanceType, zone, period)!,
      });
    }
    return points;
  }

  // Period k starts at k × 4 h plus an offset drawn for k, so changes do not
  // all fall on the hour.
  #periodStart(instanceType: string, zone: string, period: number): number {
    const offset = hashUniform(
      this.#seed,
      'spot-change',
      instanceType,
      zone,
      period,
    );
    return (
      period * SPOT_PRICE_PERIOD_MS + Math.floor(offset * SPOT_PRICE_PERIOD_MS)
    );
  }

  #periodAt(instanceType: string, zone: string, atMs: number): number {
    const period = Math.floor(atMs / SPOT_PRICE_PERIOD_MS);
    return atMs >= this.#periodStart(instanceType, zone, period)
      ? period
      : period - 1;
  }

  #spotPrice(
    instanceType: string,
    zone: string,
    period: number,
  ): number | undefined {
    const onDemand = this.#onDemand.get(instanceType);
    if (onDemand === undefined || !this.zones.includes(zone)) return undefined;
    const discount =
      MIN_DISCOUNT +
      DISCOUNT_SPREAD *
        hashUniform(this.#seed, 'spot-base', instanceType, zone);
    const jitter =
      1 +
      PERIOD_JITTER *
        (2 * hashUniform(this.#seed, 'spot', instanceType, zone, period) - 1);
    // AWS quotes spot prices to 4+ decimal places.
    return Math.round(onDemand * (1 - discount) * jitter * 10000) / 10000;
  }
}
