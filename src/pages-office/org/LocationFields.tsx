import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { gcj02ToWgs84, roundCoordinate } from '../../domain/admin/coordinates';
import { ActionButton } from '../../components/ActionButton';
import { TextField } from '../shared/TextField';

export interface LocationValue {
  /** As shown and typed: WGS-84 degrees. */
  readonly latitude: string;
  readonly longitude: string;
  /** The point as WeChat's map picker gave it (GCJ-02), while the typed values are untouched. */
  readonly picked: { readonly latitude: number; readonly longitude: number } | null;
}

export interface LocationFieldsProps {
  readonly value: LocationValue;
  readonly onChange: (value: LocationValue) => void;
  readonly error?: string;
  readonly disabled?: boolean;
}

/**
 * The org's location: typed as WGS-84 (GPS) degrees, or picked on WeChat's map in the mini-program.
 * The map answers GCJ-02; the page shows it converted, and sends the picked point as GCJ-02 so the
 * cloud function converts it once more, the same way, before storing.
 */
export function LocationFields({ value, onChange, error, disabled }: LocationFieldsProps) {
  async function pickOnMap() {
    try {
      const current = Number(value.latitude) && Number(value.longitude) ? { latitude: Number(value.latitude), longitude: Number(value.longitude) } : {};
      const res = await Taro.chooseLocation(current);
      const wgs = gcj02ToWgs84({ latitude: res.latitude, longitude: res.longitude });
      onChange({ latitude: String(roundCoordinate(wgs.latitude)), longitude: String(roundCoordinate(wgs.longitude)), picked: { latitude: res.latitude, longitude: res.longitude } });
    } catch {
      // Cancelled, or the map is not allowed: typing stays possible.
    }
  }
  return (
    <View id='location-fields'>
      <TextField id='org-latitude' label='纬度（WGS-84）' type='digit' value={value.latitude} error={error} disabled={disabled} hint='十进制度，如 22.720512' onChange={(latitude) => onChange({ ...value, latitude, picked: null })} />
      <TextField id='org-longitude' label='经度（WGS-84）' type='digit' value={value.longitude} disabled={disabled} hint='十进制度，如 114.246812' onChange={(longitude) => onChange({ ...value, longitude, picked: null })} />
      {value.picked ? <Text className='muted'>已在地图上选点（地图坐标为 GCJ-02，保存时换算为 WGS-84）</Text> : null}
      {process.env.TARO_ENV === 'weapp' && !disabled ? <ActionButton id='pick-on-map' text='在地图上选点' variant='secondary' onTap={() => void pickOnMap()} /> : null}
    </View>
  );
}

/** What to send: the picked GCJ-02 point, or the typed WGS-84 one; undefined when not two numbers. */
export function locationInput(value: LocationValue): { latitude: number; longitude: number; system: 'wgs84' | 'gcj02' } | undefined {
  if (value.picked) return { ...value.picked, system: 'gcj02' };
  const latitude = Number(value.latitude);
  const longitude = Number(value.longitude);
  if (value.latitude.trim() === '' || value.longitude.trim() === '' || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  return { latitude, longitude, system: 'wgs84' };
}
