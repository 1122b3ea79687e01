import { roles } from '../../src/contract/people';
import { isOfficeRole, roleLabel } from '../../src/components/roles';

describe('role labels for pages', () => {
  it('fall back to the raw role for a role the page does not know', () => {
    expect(roleLabel('unitHead')).toBe('单位主要负责人');
    expect(roleLabel('mayor' as never)).toBe('mayor');
  });

  it('treat only the street and district offices as office roles', () => {
    expect(roles.filter(isOfficeRole)).toEqual(['streetOffice', 'districtOffice']);
  });
});
