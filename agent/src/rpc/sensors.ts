import { injectSensor, Sample } from "../hooks/sensors.js";

export const sensors = {
  injectSensor: (samples: Sample[]) => injectSensor(samples),
};
